/**
 * One field of a FieldTree: its name, type (linked to the object type's page), required or
 * always present, nullable, its description (with `lang` when it stayed English) and its
 * facts (FieldFacts). A field with fields of its own gets a disclosure button; its list is
 * rendered only while open. What every item of a tree needs (plural rules, numbers' texts) is
 * made once per tree (`TreeShared`), not once per item.
 */
import React, { useId, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import { childFields, descriptionParts, type FieldNode, type FieldTreeModel } from '@site/src/lib/api/fieldTree';
import { objectDocPath } from '@site/src/lib/docs/paths';
import VisuallyHidden from '@site/src/components/VisuallyHidden';
import FieldFacts from './FieldFacts';
import styles from './styles.module.css';

/** Made once per tree by FieldTree and handed to each of its items. */
export interface TreeShared {
  tree: FieldTreeModel;
  /** `usePluralForm().selectMessage` of the page's locale. */
  selectMessage: (count: number, message: string) => string;
  formatNumber: (n: number) => string;
}

interface Props {
  node: FieldNode;
  shared: TreeShared;
}

function Description({ text, lang }: { text: string; lang?: string }): ReactNode {
  return (
    <p className={styles.description} lang={lang}>
      {descriptionParts(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <React.Fragment key={i}>{part.text}</React.Fragment>))}
    </p>
  );
}

export default function FieldItem({ node, shared }: Props): ReactNode {
  const { tree, selectMessage } = shared;
  const [open, setOpen] = useState(false);
  const listId = useId();
  const children = childFields(tree, node);
  const name = node.key
    ? translate({ id: 'fieldTree.anyKey', message: '(any name)', description: 'Name shown for the values of a map: every key the object may have' })
    : node.name;
  return (
    <li className={styles.field}>
      <div className={styles.head}>
        <code className={styles.name}>{name}</code>
        <span className={styles.type}>
          {node.link && node.type.startsWith(node.link) ? (
            // The type's name links to its page; an array's `[]` stays outside the link.
            <>
              <Link to={`/${objectDocPath(node.link)}`}>{node.link}</Link>
              {node.type.slice(node.link.length)}
            </>
          ) : (
            node.type
          )}
        </span>
        {node.required ? (
          <span className={styles.badge}>
            {tree.mode === 'request' ? (
              <Translate id="fieldTree.required" description="Badge of a request body field that must be sent">
                required
              </Translate>
            ) : (
              <Translate id="fieldTree.alwaysPresent" description="Badge of a response field that is always in the answer">
                always present
              </Translate>
            )}
          </span>
        ) : null}
        {node.nullable ? (
          <span className={styles.badge}>
            <Translate id="fieldTree.nullable" description="Badge of a field whose value may be null">
              nullable
            </Translate>
          </span>
        ) : null}
      </div>
      {node.description ? <Description text={node.description} lang={node.descriptionLang} /> : null}
      <FieldFacts node={node} formatNumber={shared.formatNumber} />
      {children.length ? (
        <>
          <button type="button" className={styles.toggle} aria-expanded={open} aria-controls={open ? listId : undefined} onClick={() => setOpen(!open)}>
            {selectMessage(
              children.length,
              translate(
                {
                  id: 'fieldTree.toggle',
                  message: 'One field|{count} fields',
                  description: 'Button that shows or hides the fields nested in a field (plural forms separated by |); the field name follows for screen readers',
                },
                { count: children.length },
              ),
            )}
            <VisuallyHidden>{` (${name})`}</VisuallyHidden>
          </button>
          {open ? (
            <ul id={listId} className={styles.list}>
              {children.map((child, i) => (
                <FieldItem key={child.key ? `*${i}` : child.name} node={child} shared={shared} />
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
