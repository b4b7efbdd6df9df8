/**
 * One path or query parameter: a labelled select (booleans, enums) or text
 * field, its hint (type, default, bounds, list, the spec's description) and
 * its issue, both tied to the control with aria-describedby. The control's
 * `name` is the issue's field (`query.page`), so a failed send can focus it.
 */
import React, { useId, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { LocalizedParamModel } from '@site/src/lib/api/localize';
import { fieldName, paramControl, paramHints, type ParamHint } from '@site/src/lib/request/fields';
import type { ValidationIssue } from '@site/src/lib/request/validate';
import { issueMessage } from './messages';
import styles from './styles.module.css';

interface Props {
  param: LocalizedParamModel;
  value: string;
  issue?: ValidationIssue;
  onChange: (value: string) => void;
}

function hintText(hint: ParamHint): string {
  switch (hint.kind) {
    case 'type':
      return hint.label;
    case 'default':
      return translate({ id: 'tryIt.param.default', message: 'default {value}' }, { value: hint.value });
    case 'minimum':
      return `≥ ${hint.limit}`;
    case 'maximum':
      return `≤ ${hint.limit}`;
    case 'commaList':
      return translate({ id: 'tryIt.param.commaList', message: 'comma-separated' });
  }
}

export default function ParamField({ param, value, issue, onChange }: Props): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const control = paramControl(param);
  const common = {
    id,
    name: fieldName(param),
    'aria-describedby': [hintId, issue ? errorId : ''].filter(Boolean).join(' '),
    'aria-invalid': issue ? true : undefined,
    'aria-required': param.required || undefined,
    className: styles.input,
  } as const;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        <code>{param.name}</code>
        {param.required ? (
          <span className={styles.required}>
            {' '}
            <Translate id="tryIt.param.required">required</Translate>
          </span>
        ) : null}
      </label>
      {control.kind === 'select' ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{translate({ id: 'tryIt.param.unset', message: '(not set)' })}</option>
          {control.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="text"
          inputMode={control.numeric ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={control.placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <span id={hintId} className={styles.hint}>
        {paramHints(param).map(hintText).join(' · ')}
        {param.description ? (
          <>
            {' — '}
            {/* A description with no translation yet is the spec's English: say so to screen readers and to the eye. */}
            <span lang={param.descriptionLang}>{param.description}</span>
            {param.descriptionLang ? (
              <span className={styles.untranslated}>
                {' '}
                <Translate id="tryIt.param.untranslated" description="After a parameter description shown in English because it has no translation yet">
                  (not yet translated)
                </Translate>
              </span>
            ) : null}
          </>
        ) : null}
      </span>
      {issue ? (
        <span id={errorId} className={styles.error}>
          {issueMessage(issue)}
        </span>
      ) : null}
    </div>
  );
}
