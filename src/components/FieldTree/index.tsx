/**
 * <FieldTree endpoint='contacts_api' request="get_contacts" of="response"/>,
 * <FieldTree webhook="message_created"/>, <FieldTree object="Contact"/>
 *
 * Every field of a request body, a response, a webhook payload or an object type, nested
 * objects and arrays included, to any depth. The remark plugin (plugins/remark-field-tree.ts)
 * adds the `tree` prop at build time (src/lib/api/fieldTree.ts), in the page's language, and
 * `numbers`, the tree's range bounds already written in that language.
 * The first level is in the static HTML; a field with fields of its own has a disclosure
 * button (`aria-expanded`) and renders them only once opened, so the page's DOM stays small.
 * The tree stays out of the search index (the page's tables summarise the same fields).
 */
import React, { useId, type ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import { usePluralForm } from '@docusaurus/theme-common';
import type { FieldTreeModel } from '@site/src/lib/api/fieldTree';
import FieldItem, { type TreeShared } from './FieldItem';
import styles from './styles.module.css';

interface Props {
  /** Injected at build time by the remark plugin. */
  tree?: FieldTreeModel;
  /** Injected at build time by the remark plugin: each range bound as the page's language writes it. */
  numbers?: Readonly<Record<string, string>>;
  endpoint?: string;
  request?: string;
  of?: string;
  webhook?: string;
  object?: string;
}

export default function FieldTree({ tree, numbers = {}, ...names }: Props): ReactNode {
  const captionId = useId();
  if (!tree) throw new Error(`<FieldTree ${JSON.stringify(names)}/> was not resolved at build time`);
  return <Tree tree={tree} numbers={numbers} captionId={captionId} />;
}

function Tree({ tree, numbers, captionId }: { tree: FieldTreeModel; numbers: Readonly<Record<string, string>>; captionId: string }): ReactNode {
  // Made once per tree, not per field: the plural rules of the page's locale, and the numbers' texts.
  const { selectMessage } = usePluralForm();
  const shared: TreeShared = { tree, selectMessage, formatNumber: (n) => numbers[String(n)] ?? String(n) };
  return (
    <div className={styles.tree} data-pagefind-ignore="all">
      <p id={captionId} className={styles.caption}>
        {tree.mode === 'request' ? (
          <Translate id="fieldTree.caption.request" description="Caption above the expandable list of every field of a request body">
            Every field of the body, nested ones included
          </Translate>
        ) : (
          <Translate id="fieldTree.caption.response" description="Caption above the expandable list of every field of a response, webhook payload or object">
            Every field, nested ones included
          </Translate>
        )}
      </p>
      <ul className={styles.list} aria-labelledby={captionId}>
        {tree.fields.map((node, i) => (
          <FieldItem key={node.key ? `*${i}` : node.name} node={node} shared={shared} />
        ))}
      </ul>
    </div>
  );
}
