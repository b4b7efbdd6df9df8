/** The account's bot and a contact: what `bot_status` / POST /contacts/{uuid}/bot requests do. Pure. */
import type { ContactBot } from '../data/types';

/** BotStatusRequest: `bot_start` lets the bot answer the contact, `bot_end` keeps it silent. */
export type BotRequest = 'bot_start' | 'bot_end';

/** The bot state after `bot_start` (started, waiting for the contact) or `bot_end` (ended, start time kept). */
export function botAfter(current: ContactBot | undefined, request: BotRequest): ContactBot {
  return request === 'bot_start'
    ? { status: 'started', conversationStartedAt: null }
    : { status: 'ended', conversationStartedAt: current?.conversationStartedAt ?? null };
}
