/** The "For translators" section of the status page: the guide and the commands. */
import React, { type ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import Heading from '@theme/Heading';
import styles from './styles.module.css';

export default function TranslatorsGuide(): ReactNode {
  return (
    <section className={styles.guide} aria-labelledby="translation-status-guide-name">
      <Heading as="h2" id="translation-status-guide">
        <span id="translation-status-guide-name">
          <Translate id="translationStatus.guide.heading" description="Heading of the section for translators">
            For translators
          </Translate>
        </span>
      </Heading>
      <p>
        <Translate
          id="translationStatus.guide.intro"
          description="{guide} is the path of the translators' guide in the repository"
          values={{ guide: <code>tools/i18n/TRANSLATING.md</code> }}
        >
          {'The translators\' guide is {guide} in the repository of this site. Run these commands from the repository root:'}
        </Translate>
      </p>
      <dl>
        <dt>
          <code>npm run i18n:check</code>
        </dt>
        <dd>
          <Translate id="translationStatus.guide.check" description="What npm run i18n:check does">
            compares every translated page with its English page and reports what to fix.
          </Translate>
        </dd>
        <dt>
          <code>npm run i18n:status -- --diff</code>
        </dt>
        <dd>
          <Translate id="translationStatus.guide.statusDiff" description="What npm run i18n:status -- --diff does">
            prints this status in the terminal, with what changed in English since each out-of-date page was synced.
          </Translate>
        </dd>
        <dt>
          <code>{'npm run i18n:sync -- <page> --locale <locale>'}</code>
        </dt>
        <dd>
          <Translate id="translationStatus.guide.sync" description="What npm run i18n:sync does">
            records that the translation of a page matches the current English page; run it once the translation is up to date.
          </Translate>
        </dd>
      </dl>
    </section>
  );
}
