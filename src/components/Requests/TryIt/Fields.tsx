/**
 * The request's inputs: path parameters, query parameters (each a fieldset
 * with a legend) and the body editor, from the operation. Editing a field
 * updates the shared request and clears that field's issue from the last send
 * attempt. A new input goes here, reading the request with `useRequest()`.
 */
import React, { type ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import type { ParamModel } from '@site/src/lib/api/types';
import { fieldName, panelParams, paramText, withParamValue } from '@site/src/lib/request/fields';
import { useRequest } from '../useRequestState';
import BodyField from './BodyField';
import ParamField from './ParamField';
import type { PanelState } from './usePanel';
import styles from './styles.module.css';

function ParamGroup({ legend, params, panel }: { legend: ReactNode; params: ParamModel[]; panel: PanelState }): ReactNode {
  const { values, setValues } = useRequest();
  if (!params.length) return null;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      {params.map((p) => (
        <ParamField
          key={p.name}
          param={p}
          value={paramText(values, p)}
          issue={panel.issueFor(fieldName(p))}
          onChange={(text) => {
            setValues(withParamValue(values, p, text));
            panel.clearIssue(fieldName(p));
          }}
        />
      ))}
    </fieldset>
  );
}

export default function Fields({ panel }: { panel: PanelState }): ReactNode {
  const { operation, values, setValues } = useRequest();
  const params = panelParams(operation);
  return (
    <>
      <ParamGroup legend={<Translate id="tryIt.pathParams">Path parameters</Translate>} params={params.path} panel={panel} />
      <ParamGroup legend={<Translate id="tryIt.queryParams">Query parameters</Translate>} params={params.query} panel={panel} />
      {operation.body ? (
        <BodyField
          value={values.body ?? ''}
          issue={panel.issueFor('body')}
          onChange={(body) => {
            setValues({ ...values, body });
            panel.clearIssue('body');
          }}
        />
      ) : null}
    </>
  );
}
