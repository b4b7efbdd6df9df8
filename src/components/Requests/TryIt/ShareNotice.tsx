/**
 * Shown when a share link names another environment than the one the panel is
 * in: the panel never follows the link by itself; it names the environment and
 * switches only when the user presses the button.
 */
import React, { type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Environment } from '@site/src/lib/api/types';
import { environmentLabel } from './messages';
import styles from './styles.module.css';

interface Props {
  /** The environment the link names. */
  suggested: Environment;
  /** The environment the panel is in. */
  current: Environment;
  onSwitch: () => void;
  onStay: () => void;
}

export default function ShareNotice({ suggested, current, onSwitch, onStay }: Props): ReactNode {
  const values = { suggested: environmentLabel(suggested), current: environmentLabel(current) };
  return (
    <div className={`alert alert--warning ${styles.notice}`}>
      <p>
        <Translate
          id="tryIt.share.otherEnvironment"
          description="A share link named another API environment; {suggested} and {current} are environment names"
          values={values}
        >
          {'This link was made for the {suggested} environment. The panel stays on {current} until you switch.'}
        </Translate>
      </p>
      <div className={styles.inline}>
        <button type="button" className="button button--sm button--warning" onClick={onSwitch}>
          {translate({ id: 'tryIt.share.switch', message: 'Switch to {environment}' }, { environment: values.suggested })}
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={onStay}>
          {translate({ id: 'tryIt.share.stay', message: 'Stay on {environment}' }, { environment: values.current })}
        </button>
      </div>
    </div>
  );
}
