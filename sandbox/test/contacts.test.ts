import { describe, expect, it } from 'vitest';
import { seedFromSpec } from '../src/app';
import { createSeed } from '../src/data/seed';
import type { ShownContact } from '../src/data/types';
import { customFieldsMetadata } from '../src/domain/custom-fields';
import { PAGE_SIZE } from '../src/pagination';
import { componentEnum } from '../src/spec';
import { componentSchema } from '../../src/lib/api/model';
import { allContacts, doc, listContacts, makeApp, type ContactJson } from './helpers';

const lower = (tags: string[]) => tags.map((t) => t.toLowerCase());

describe('paging', () => {
  it('serves 25 per page, oldest first, 64 contacts over 3 pages', async () => {
    const app = makeApp();
    const sizes: number[] = [];
    const seen: ContactJson[] = [];
    for (const page of [1, 2, 3]) {
      const body = await listContacts(app, `page=${page}`);
      expect(body.meta).toEqual({ page, pages: 3, total: 64 });
      sizes.push(body.contacts.length);
      seen.push(...body.contacts);
    }
    expect(sizes).toEqual([PAGE_SIZE, PAGE_SIZE, 14]);
    expect(new Set(seen.map((c) => c.uuid)).size).toBe(64);
    const times = seen.map((c) => Date.parse(c.createdAt));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
  });

  it('defaults to page 1', async () => {
    const app = makeApp();
    expect(await listContacts(app)).toEqual(await listContacts(app, 'page=1'));
  });

  it.each([4, 5, 1000])('page %i past the end returns no contacts and the right meta', async (page) => {
    const body = await listContacts(makeApp(), `page=${page}`);
    expect(body).toEqual({ contacts: [], meta: { page, pages: 3, total: 64 } });
  });

  it('a filter matching nothing gives total 0 and pages 0', async () => {
    const body = await listContacts(makeApp(), 'tags=no-such-tag');
    expect(body).toEqual({ contacts: [], meta: { page: 1, pages: 0, total: 0 } });
  });
});

describe('filters', () => {
  it('source matches exactly, and the sources partition the list', async () => {
    const app = makeApp();
    let sum = 0;
    for (const source of componentEnum(doc, 'Source')) {
      const matches = await allContacts(app, `source=${source}`);
      expect(matches.length, source).toBeGreaterThan(0);
      expect(matches.every((c) => c.source === source)).toBe(true);
      sum += matches.length;
    }
    expect(sum).toBe(64);
  });

  it('tags: a contact must carry ALL given tags', async () => {
    const app = makeApp();
    const everyone = await allContacts(app);
    const expected = everyone.filter((c) => lower(c.tags).includes('sales') && lower(c.tags).includes('lead'));
    const got = await allContacts(app, 'tags=sales,lead');
    expect(got.map((c) => c.uuid)).toEqual(expected.map((c) => c.uuid));
    expect(got.length).toBeGreaterThan(1);
    const onlySales = await allContacts(app, 'tags=sales');
    expect(onlySales.length).toBeGreaterThan(got.length);
  });

  it('tags: matching ignores letter case, both in the query and in the data', async () => {
    const app = makeApp();
    const everyone = await allContacts(app);
    const vip = everyone.filter((c) => lower(c.tags).includes('vip'));
    expect(vip.some((c) => c.tags.includes('VIP'))).toBe(true);
    expect(vip.some((c) => c.tags.includes('vip'))).toBe(true);
    for (const spelling of ['vip', 'VIP', 'Vip']) {
      expect((await allContacts(app, `tags=${spelling}`)).map((c) => c.uuid)).toEqual(vip.map((c) => c.uuid));
    }
  });

  it('tags: items are trimmed', async () => {
    const app = makeApp();
    const plain = await listContacts(app, 'tags=sales,lead');
    expect(await listContacts(app, `tags=${encodeURIComponent('  sales , lead ')}`)).toEqual(plain);
    expect(await listContacts(app, 'tags=+sales+,+lead')).toEqual(plain);
  });

  it('team_uuid matches exactly; contacts without a team never match', async () => {
    const app = makeApp();
    const everyone = await allContacts(app);
    const teams = new Map(everyone.flatMap((c) => (c.team ? [[c.team.uuid, c.team.name] as const] : [])));
    expect(teams.size).toBeGreaterThanOrEqual(3);
    expect(teams.size).toBeLessThanOrEqual(4);
    let sum = 0;
    for (const uuid of teams.keys()) {
      expect(uuid).toMatch(/^[0-9a-f]{32}$/);
      const members = await allContacts(app, `team_uuid=${uuid}`);
      expect(members.length).toBeGreaterThan(0);
      expect(members.every((c) => c.team?.uuid === uuid)).toBe(true);
      sum += members.length;
    }
    expect(sum).toBe(everyone.filter((c) => c.team).length);
    expect(sum).toBeLessThan(64);
  });

  it('filters combine', async () => {
    const app = makeApp();
    const everyone = await allContacts(app);
    const team = everyone.find((c) => c.team)!.team!.uuid;
    const expected = everyone.filter(
      (c) => c.source === 'whatsapp' && c.team?.uuid === team && lower(c.tags).includes('hot'),
    );
    const got = await allContacts(app, `source=whatsapp&team_uuid=${team}&tags=HOT`);
    expect(got.map((c) => c.uuid)).toEqual(expected.map((c) => c.uuid));
  });
});

describe('include_field_types', () => {
  it('is off by default and with false: no customFieldsMetadata', async () => {
    const app = makeApp();
    for (const query of ['', 'include_field_types=false']) {
      for (const c of await allContacts(app, query)) expect(c).not.toHaveProperty('customFieldsMetadata');
    }
  });

  it('with true every contact carries metadata for exactly its custom fields', async () => {
    const app = makeApp();
    const plain = await allContacts(app);
    const typed = await allContacts(app, 'include_field_types=true');
    expect(typed.map(({ customFieldsMetadata: _m, ...rest }) => rest)).toEqual(plain);
    for (const c of typed) {
      expect(Object.keys(c.customFieldsMetadata!)).toEqual(Object.keys(c.customFields));
      for (const [name, meta] of Object.entries(c.customFieldsMetadata!)) {
        const stored = c.customFields[name]!;
        if (meta.type === 'checkbox') {
          expect(Array.isArray(meta.value)).toBe(true);
          expect(JSON.parse(stored)).toEqual(meta.value);
          for (const v of meta.value as string[]) expect(meta.options).toContain(v);
        } else {
          expect(meta.value).toBe(stored);
        }
        if (meta.type === 'dropdown') expect(meta.options).toContain(meta.value);
        if (meta.type === 'checkbox' || meta.type === 'dropdown') expect(meta.options?.length).toBeGreaterThan(0);
        else expect(meta).not.toHaveProperty('options');
      }
    }
  });

  it('every CustomFieldType of the spec occurs in the data, with plausible values', async () => {
    const typed = await allContacts(makeApp(), 'include_field_types=true');
    const byType = new Map<string, Array<string | string[]>>();
    for (const c of typed) {
      for (const meta of Object.values(c.customFieldsMetadata!)) byType.set(meta.type, [...(byType.get(meta.type) ?? []), meta.value]);
    }
    expect([...byType.keys()].sort()).toEqual(componentEnum(doc, 'CustomFieldType').sort());
    for (const v of byType.get('email')!) expect(v).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    for (const v of byType.get('number')!) expect(Number.isFinite(Number(v))).toBe(true);
    for (const v of byType.get('date')!) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('seed data', () => {
  it('is deterministic: two apps serve identical data', async () => {
    const a = await allContacts(makeApp(), 'include_field_types=true');
    const b = await allContacts(makeApp(), 'include_field_types=true');
    expect(a).toHaveLength(64);
    expect(b).toEqual(a);
    expect(seedFromSpec()).toEqual(seedFromSpec());
  });

  it('is varied: every source, non-ASCII names, mixed-case tags, unique names and uuids', async () => {
    const { contacts } = seedFromSpec();
    expect(new Set(contacts.map((c) => c.source))).toEqual(new Set(componentEnum(doc, 'Source')));
    expect(contacts.filter((c) => /[^ -~]/.test(c.name)).length).toBeGreaterThan(5);
    expect(contacts.some((c) => c.tags.some((t) => t !== t.toLowerCase()))).toBe(true);
    expect(new Set(contacts.map((c) => c.name)).size).toBe(64);
    expect(new Set(contacts.map((c) => c.uuid)).size).toBe(64);
    expect(contacts.every((c) => c.href.endsWith(c.uuid))).toBe(true);
  });

  it('refuses input it cannot honour', () => {
    const input = {
      exampleContacts: [] as ShownContact[],
      exampleFieldMetadata: {},
      total: 3,
      sources: ['whatsapp'],
      fieldTypes: ['email'],
    };
    expect(() => createSeed(input)).toThrow(/no contacts/);
    expect(() => createSeed({ ...input, fieldTypes: ['geo'] })).toThrow(/geo/);
  });

  it('computes metadata from the one set of field definitions', () => {
    const { fields } = seedFromSpec();
    expect(customFieldsMetadata(fields, { Preferences: '["Updates"]', Plan: 'Pro' })).toEqual({
      Preferences: { value: ['Updates'], type: 'checkbox', options: fields.Preferences!.options },
      Plan: { value: 'Pro', type: 'dropdown', options: fields.Plan!.options },
    });
  });
});

describe('keys that do not apply are left out, never null or {}', () => {
  /** Contact keys that only appear when they apply (not in the schema's `required`). */
  const CONDITIONAL = ['blockedAt', 'funnelId', 'closedAt', 'customFieldsMetadata', 'team', 'channel', 'bsuid', 'note'];
  const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';

  it('the Contact schema makes them optional; funnelId and team are never null', () => {
    const contact = componentSchema(doc, 'Contact');
    expect([...(contact.required ?? [])].sort()).toEqual(Object.keys(contact.properties ?? {}).filter((k) => !CONDITIONAL.includes(k)).sort());
    expect(contact.properties?.funnelId?.type).toBe('string');
    expect(contact.properties?.team?.type).toBe('object');
    expect(contact.properties?.closedAt?.type).toEqual(['string', 'null']);
  });

  it('a seeded contact without a funnel stage, a closed conversation or a team has no funnelId, closedAt or team key', async () => {
    const everyone = await allContacts(makeApp());
    const john = everyone.find((c) => c.uuid === JOHN)!;
    for (const key of CONDITIONAL) expect(john, key).not.toHaveProperty(key);
    const funnelPattern = new RegExp(String(componentSchema(doc, 'Funnel').properties?.uuid?.pattern));
    const withFunnel = everyone.filter((c) => 'funnelId' in c);
    const withTeam = everyone.filter((c) => 'team' in c);
    // Usually absent: most contacts were never put in a funnel stage or closed.
    expect(withFunnel.length).toBeGreaterThan(0);
    expect(withFunnel.length).toBeLessThan(everyone.length / 2);
    expect(everyone.filter((c) => 'closedAt' in c).length).toBeLessThan(everyone.length / 2);
    expect(withTeam.length).toBeLessThan(everyone.length);
    for (const c of withFunnel) expect(c.funnelId).toMatch(funnelPattern);
    for (const c of withTeam) expect(Object.keys(c.team!)).toEqual(['uuid', 'name']);
    // Fresh data: no conversation was reopened, so a closedAt that is present is a time.
    for (const c of everyone.filter((c) => 'closedAt' in c)) expect(Date.parse(String(c.closedAt))).not.toBeNaN();
  });
});
