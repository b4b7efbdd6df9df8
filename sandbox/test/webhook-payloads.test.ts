/**
 * The documented webhook deliveries agree with their schemas, as the sandbox
 * reads them (`webhookEvents`: the envelope and the `x-event-schema` payload):
 * every example validates against both, and `message_status_updated` always
 * carries the recipient `contact` (its schema requires it, its example has it,
 * and a payload without it is refused).
 */
import { describe, expect, it } from 'vitest';
import { componentSchema } from '../../src/lib/api/model';
import { webhookEvents } from '../src/spec';
import { ajv, doc } from './helpers';

const EVENTS = webhookEvents(doc);

describe('documented webhook deliveries', () => {
  it('cover the ten events', () => {
    expect(EVENTS).toHaveLength(10);
  });

  for (const event of EVENTS) {
    it(`${event.name}: the example is valid against the envelope and the payload schema`, () => {
      const envelope = ajv.compile(event.envelope);
      const payload = ajv.compile(event.payload);
      expect(envelope(event.example), JSON.stringify(envelope.errors)).toBe(true);
      expect(event.example.event).toBe(event.name);
      expect(payload(event.example.payload), JSON.stringify(payload.errors)).toBe(true);
    });
  }

  it('message_status_updated: the payload schema requires contact, and a payload without it is refused', () => {
    const event = EVENTS.find((e) => e.name === 'message_status_updated')!;
    expect(event.payload.required).toEqual(expect.arrayContaining(['uuid', 'status', 'contact']));
    expect(event.example.payload).toHaveProperty('contact.uuid');
    const { contact: _contact, ...withoutContact } = event.example.payload;
    const payload = ajv.compile(event.payload);
    const envelope = ajv.compile(event.envelope);
    expect(payload(withoutContact)).toBe(false);
    expect(envelope({ ...event.example, payload: withoutContact })).toBe(false);
    // Only the event requires it: MessageSendRequest itself (POST /messages/send without fields=contact) does not.
    const sendRequest = ajv.compile(componentSchema(doc, 'MessageSendRequest'));
    expect(sendRequest(withoutContact), JSON.stringify(sendRequest.errors)).toBe(true);
  });
});
