/**
 * Where the panel sends: the environment select (only the environments the
 * build configured), its base URL, and the CORS proxy when one is set.
 */
import React, { useId, type ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import { useRequest } from '../useRequestState';
import { environmentLabel } from './messages';
import styles from './styles.module.css';

export default function EnvironmentField(): ReactNode {
  const { environments, environment, chooseEnvironment } = useRequest();
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        <Translate id="tryIt.environment">Environment</Translate>
      </label>
      <select id={id} className={styles.input} value={environment.id} onChange={(e) => chooseEnvironment(e.target.value)}>
        {environments.map((env) => (
          <option key={env.id} value={env.id}>
            {environmentLabel(env)}
          </option>
        ))}
      </select>
      <span className={styles.hint}>
        <Translate id="tryIt.baseUrl">Base URL:</Translate> <code>{environment.baseUrl}</code>
        {environment.proxyUrl ? (
          <>
            {' '}
            <Translate id="tryIt.proxy" values={{ url: <code>{environment.proxyUrl}</code> }}>
              {'Requests go through the CORS proxy at {url}.'}
            </Translate>
          </>
        ) : null}
      </span>
    </div>
  );
}
