import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation } from '../api/model';
import type { ParamModel, RequestValues } from '../api/types';
import { bodyRows, fieldName, panelParams, paramControl, paramHints, paramText, schemaTypeLabel, valueText, withParamValue } from './fields';

const spec = loadSpec();
const contacts = findOperation(spec, 'contacts_api', 'get_contacts');
const events = findOperation(spec, 'webhooks_api', 'get_webhooks_events');
const contact = findOperation(spec, 'contacts_api', 'get_contact');

function param(op: typeof contacts, name: string): ParamModel {
  const found = op.params.find((p) => p.name === name);
  if (!found) throw new Error(`no parameter ${name}`);
  return found;
}

describe('the panel\'s inputs', () => {
  it('groups path and query parameters in the spec\'s order', () => {
    const { path, query } = panelParams(contact);
    expect(path.map(fieldName)).toEqual(['path.uuid']);
    expect(query.map(fieldName)).toEqual(['query.include_field_types']);
    expect(panelParams(contacts).query.map((p) => p.name)).toEqual(['page', 'source', 'tags', 'team_uuid', 'include_field_types']);
  });

  it('gives booleans and enums a select, numbers a numeric text field with the default as placeholder', () => {
    expect(paramControl(param(contacts, 'include_field_types'))).toEqual({ kind: 'select', options: ['true', 'false'] });
    expect(paramControl(param(contacts, 'source'))).toEqual({ kind: 'select', options: ['whatsapp', 'facebook', 'instagram', 'telegram'] });
    expect(paramControl(param(contacts, 'page'))).toEqual({ kind: 'text', numeric: true, placeholder: '1' });
    expect(paramControl(param(contacts, 'tags'))).toEqual({ kind: 'text', numeric: false });
  });

  it('hints type, default, bounds and comma lists, in that order', () => {
    expect(paramHints(param(events, 'items'))).toEqual([
      { kind: 'type', label: 'integer' },
      { kind: 'default', value: '25' },
      { kind: 'minimum', limit: 1 },
      { kind: 'maximum', limit: 100 },
    ]);
    expect(paramHints(param(contacts, 'tags'))).toEqual([{ kind: 'type', label: 'string[]' }, { kind: 'commaList' }]);
    expect(paramHints(param(contacts, 'team_uuid'))).toEqual([{ kind: 'type', label: 'string' }]);
  });

  it('labels nullable and list types', () => {
    const nullable: ParamModel = { name: 'n', in: 'query', required: false, description: '', explode: false, schema: { type: ['integer', 'null'] } };
    expect(schemaTypeLabel(nullable)).toBe('integer');
    expect(paramControl(nullable)).toEqual({ kind: 'text', numeric: true });
    expect(schemaTypeLabel(param(events, 'subscriptions'))).toBe('string[]');
  });
});

describe('values and text', () => {
  it('shows lists with commas and unset values as empty text', () => {
    expect(valueText(['a', 'b'])).toBe('a,b');
    expect(valueText(2)).toBe('2');
    expect(valueText(false)).toBe('false');
    expect(valueText(undefined)).toBe('');
    expect(valueText(null)).toBe('');
  });

  it('reads and writes a parameter in its place, without touching the old values', () => {
    const values: RequestValues = { path: { uuid: 'a' }, query: { page: 2, tags: ['x', 'y'] }, body: '{}' };
    expect(paramText(values, param(contacts, 'tags'))).toBe('x,y');
    expect(paramText(values, param(contact, 'uuid'))).toBe('a');
    expect(paramText({}, param(contacts, 'page'))).toBe('');
    const next = withParamValue(values, param(contacts, 'page'), '3');
    expect(next).toEqual({ path: { uuid: 'a' }, query: { page: '3', tags: ['x', 'y'] }, body: '{}' });
    expect(withParamValue(values, param(contact, 'uuid'), 'b').path).toEqual({ uuid: 'b' });
    expect(values.query?.page).toBe(2);
    expect(withParamValue({}, param(contacts, 'page'), '1')).toEqual({ path: {}, query: { page: '1' } });
  });

  it('sizes the body editor to its lines, between 6 and 20 rows', () => {
    expect(bodyRows(undefined)).toBe(6);
    expect(bodyRows('{\n}')).toBe(6);
    expect(bodyRows(Array.from({ length: 9 }, () => 'x').join('\n'))).toBe(10);
    expect(bodyRows(Array.from({ length: 50 }, () => 'x').join('\n'))).toBe(20);
  });
});
