/**
 * Contact changes that several operations make (POST /contacts and sending to
 * a new number both create a contact; updates, conversation changes and sent
 * messages all announce what they changed).
 *   - `addContact` creates a contact with new ids and sends contact_created and
 *     conversation_opened (a new contact's conversation starts);
 *   - `updating` runs a change and sends contact_updated when what
 *     GET /contacts/{uuid} shows changed (closedAt and funnelId included);
 *   - `contactAddress` is the contact's number or platform id as messages show it.
 */
import type { StoredContact } from '../data/types';
import { addressKey } from '../rules';
import { contactView, conversationView } from '../views';
import type { DomainContext } from './context';

/** What a new contact is made of; ids, links, `avatarUrl` (null) and `createdAt` (now) are added. */
export type NewContact = Omit<StoredContact, 'uuid' | 'href' | 'conversationHref' | 'avatarUrl' | 'createdAt'>;

/** Creates the contact, adds it to the account and queues contact_created and conversation_opened. */
export function addContact(ctx: DomainContext, fields: NewContact): StoredContact {
  const { account } = ctx;
  const uuid = ctx.ids.hex32((id) => account.contacts.some((c) => c.uuid === id));
  const chat = ctx.ids.hex32((id) => account.contacts.some((c) => c.conversationHref.endsWith(`/${id}`)));
  const { name, phoneNumber, source, assignedUser, tags, customFields, ...optional } = fields;
  const contact: StoredContact = {
    uuid,
    name,
    phoneNumber,
    avatarUrl: null,
    createdAt: ctx.now(),
    source,
    href: `${account.links.contactBase}${uuid}`,
    conversationHref: `${account.links.chatBase}${chat}`,
    assignedUser,
    tags,
    customFields,
    ...optional,
  };
  account.contacts.push(contact);
  ctx.emit('contact_created', contactView(account, contact));
  ctx.emit('conversation_opened', conversationView(account, contact, true));
  return contact;
}

/** Runs `change` and queues contact_updated if what the API shows of the contact changed. */
export function updating(ctx: Pick<DomainContext, 'account' | 'emit'>, contact: StoredContact, change: () => void): void {
  const before = JSON.stringify(contactView(ctx.account, contact));
  change();
  const after = contactView(ctx.account, contact);
  if (JSON.stringify(after) !== before) ctx.emit('contact_updated', after);
}

/** The contact's number (digits only) or platform id, as messages show it (`to` of sent messages). */
export function contactAddress(contact: StoredContact): string {
  return addressKey(contact.phoneNumber);
}
