/** Keywords generated from openapi/openapi.yaml for endpoint, object and webhook pages. */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { displayPath, SpecKeywords, templatePath } from './keywords';

const spec = new SpecKeywords(loadSpec());
const extras = (title: string, sidebarLabel?: string) => spec.extras({ permalink: `/it/x`, title, ...(sidebarLabel ? { sidebarLabel } : {}) });

describe('SpecKeywords', () => {
  it('finds the operation of an endpoint page from its title', () => {
    expect(spec.operationFor('GET /contacts')?.request).toBe('get_contacts');
    expect(spec.operationFor('PATCH /contacts/:uuid')?.request).toBe('patch_contacts');
    expect(spec.operationFor('GET /nothing')).toBeUndefined();
    expect(spec.operationFor('Errors')).toBeUndefined();
  });

  it('gives an endpoint page its method, path, operationId, parameters, response objects and error codes', () => {
    const { page, keywords } = extras('GET /contacts', 'Elenca i contatti');
    expect(page).toMatchObject({ title: 'GET /contacts', label: 'Elenca i contatti', method: 'GET', path: '/contacts' });
    for (const word of ['GET', 'GET /contacts', '/contacts', 'get_contacts', 'contacts_api', 'page', 'source', 'tags', 'team_uuid', 'include_field_types', 'contacts', 'meta', 'Contact', '429', 'rate_limited', 'invalid_parameter']) {
      expect(keywords).toContain(word);
    }
  });

  it('walks a request body into its nested fields', () => {
    const { keywords } = extras('POST /messages/send');
    for (const word of ['POST /messages/send', 'to', 'from', 'type', 'content', 'template_uuid', 'optin_contact', 'channel_uuid']) expect(keywords).toContain(word);
  });

  it('gives an object page its name and fields', () => {
    const { page, keywords } = extras('Contact', 'Contact');
    expect(page.label).toBeUndefined();
    for (const word of ['Contact', 'uuid', 'phoneNumber', 'customFields', 'customFieldsMetadata', 'Team']) expect(keywords).toContain(word);
  });

  it('gives a webhook event page its event and payload object', () => {
    expect(extras('contact_created').keywords).toEqual(['contact_created', 'Contact']);
  });

  it('gives a guide nothing (its text speaks for it) and lists the error codes for guides to be pinned on', () => {
    expect(extras('Errori', 'Errori').keywords).toEqual([]);
    expect(spec.errorCodes).toEqual(expect.arrayContaining(['invalid_parameter', 'unauthorized', 'not_found', 'rate_limited', 'internal_error']));
    expect(spec.errorCodes.every((c) => /^[a-z_]+$/.test(c))).toBe(true);
  });

  it('has a method and path for every operation', () => {
    expect(spec.operations.length).toBeGreaterThanOrEqual(40);
    for (const op of spec.operations) expect(spec.operationFor(`${op.method} ${displayPath(op.path)}`)).toBe(op);
  });
});

describe('path forms', () => {
  it('converts between the spec template and the page title form', () => {
    expect(displayPath('/contacts/{uuid}/bot')).toBe('/contacts/:uuid/bot');
    expect(templatePath('/contacts/:uuid/bot')).toBe('/contacts/{uuid}/bot');
  });
});
