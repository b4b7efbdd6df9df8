/**
 * The request body editor: a JSON textarea sized to its content, with its
 * issue (syntax, an unsafe character, a missing body) tied to it.
 */
import React, { useId, type ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import { bodyRows } from '@site/src/lib/request/fields';
import type { ValidationIssue } from '@site/src/lib/request/validate';
import { issueMessage } from './messages';
import styles from './styles.module.css';

interface Props {
  value: string;
  issue?: ValidationIssue;
  onChange: (value: string) => void;
}

export default function BodyField({ value, issue, onChange }: Props): ReactNode {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        <Translate id="tryIt.body">Request body (JSON)</Translate>
      </label>
      <textarea
        id={id}
        name="body"
        className={`${styles.input} ${styles.body}`}
        rows={bodyRows(value)}
        spellCheck={false}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? errorId : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {issue ? (
        <span id={errorId} className={styles.error}>
          {issueMessage(issue)}
        </span>
      ) : null}
    </div>
  );
}
