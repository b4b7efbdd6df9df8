/**
 * The example selector of a RequestTabs block: a labelled select of every request the
 * operation documents (src/lib/request/examples.ts), in the static HTML, so the page names
 * each of them. Picking one changes the shared request (`chooseExample`): the snippets and
 * the Try it body follow. Below it, a link to the response example that request produces,
 * whose heading is marked as current (`useMarkedHeading`). `anchors` are the ids of the
 * page's response example headings, in the operation's example order (the remark plugin
 * plugins/remark-example-responses.ts adds them). Renders nothing for an operation with
 * one documented request.
 */
import React, { useId, type ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import { useRequest } from '../useRequestState';
import { useMarkedHeading } from './useMarkedHeading';
import styles from './styles.module.css';

interface Props {
  anchors?: readonly string[];
}

export default function ExampleSelect({ anchors }: Props): ReactNode {
  const { examples, example, chooseExample } = useRequest();
  const id = useId();
  // The first response the request produces is the example its label comes from.
  const responseIndex = example.responses[0];
  const anchor = responseIndex === undefined ? undefined : anchors?.[responseIndex] || undefined;
  useMarkedHeading(examples.length > 1 ? anchor : undefined);
  if (examples.length < 2) return null;
  return (
    <div className={styles.exampleSelect}>
      <label htmlFor={id} className={styles.label}>
        <Translate id="requestTabs.example.label" description="Label of the select that picks one of the documented example requests of an endpoint">
          Example
        </Translate>
      </label>
      <select id={id} className={styles.select} value={example.id} onChange={(e) => chooseExample(e.target.value)}>
        {examples.map((e) => (
          <option key={e.id} value={e.id} lang={e.labelLang}>
            {e.label}
          </option>
        ))}
      </select>
      {anchor ? (
        <p className={styles.response}>
          <Translate
            id="requestTabs.example.response"
            description="Under the example select: a link to the response example the chosen request produces; {response} is that link"
            values={{
              response: (
                <a href={`#${anchor}`} lang={example.labelLang}>
                  {example.label}
                </a>
              ),
            }}
          >
            {'Matching response: {response}'}
          </Translate>
        </p>
      ) : null}
    </div>
  );
}
