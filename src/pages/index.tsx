import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Translate, { translate } from '@docusaurus/Translate';
import styles from './index.module.css';

export default function Home(): ReactNode {
  return (
    <Layout
      title={translate({ id: 'home.title', message: 'Callbell API developer portal' })}
      description={translate({
        id: 'home.description',
        message: 'Reference, code samples and a live sandbox for the Callbell REST API.',
      })}
    >
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1">
            <Translate id="home.heading">Build on Callbell</Translate>
          </Heading>
          <p className={styles.lead}>
            <Translate id="home.lead">
              The Callbell REST API connects your code to the conversations your team has on WhatsApp, Messenger, Instagram and Telegram: read and filter contacts, follow their conversations and keep your CRM in step.
            </Translate>
          </p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/api">
              <Translate id="home.start">Read the introduction</Translate>
            </Link>
            <Link className="button button--secondary button--lg" to="/api/reference/contacts_api/get_contacts">
              <Translate id="home.reference">Open the API reference</Translate>
            </Link>
          </div>
        </div>
      </header>
      <main className="container">
        <div className={styles.features}>
          <section>
            <Heading as="h2">
              <Translate id="home.feature.snippets.title">Code you can paste</Translate>
            </Heading>
            <p>
              <Translate id="home.feature.snippets.body">
                Every endpoint comes with ready-to-run examples in cURL, JavaScript, Python and more, generated from the same description as the reference.
              </Translate>
            </p>
          </section>
          <section>
            <Heading as="h2">
              <Translate id="home.feature.tryit.title">Try it from the page</Translate>
            </Heading>
            <p>
              <Translate id="home.feature.tryit.body">
                Send real requests from your browser to a local sandbox with demo data, then switch to production when you are ready.
              </Translate>
            </p>
          </section>
          <section>
            <Heading as="h2">
              <Translate id="home.feature.languages.title">In your language</Translate>
            </Heading>
            <p>
              <Translate id="home.feature.languages.body">
                The reference is written in English, Italian, Spanish and Portuguese, with the code and identifiers left exactly as the API expects them.
              </Translate>
            </p>
          </section>
        </div>
      </main>
    </Layout>
  );
}
