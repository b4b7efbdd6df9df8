/**
 * The note under the key field after "Get a sandbox key": the new key
 * (masked) and when it expires, or why no key came (too many keys from this
 * address, the sandbox's store away, no answer). A polite live region.
 */
import React, { type ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import { usePluralForm } from '@docusaurus/theme-common';
import { maskKey } from '@site/src/lib/request/keyStore';
import type { SandboxKeyState } from './useSandboxKey';
import styles from './styles.module.css';

function useMessage(state: SandboxKeyState): string {
  const { selectMessage } = usePluralForm();
  if (state.phase === 'idle') return '';
  if (state.phase === 'pending') return translate({ id: 'tryIt.sandboxKey.pending', message: 'Getting a sandbox key…' });
  const { result } = state;
  switch (result.kind) {
    case 'minted': {
      const hours = Math.max(1, Math.round((Date.parse(result.expiresAt) - Date.now()) / 3_600_000));
      return selectMessage(
        hours,
        translate(
          {
            id: 'tryIt.sandboxKey.minted',
            message:
              'Your own sandbox key ({key}) is in the field, with fresh demo data that only it can change. It expires after one hour without use.|Your own sandbox key ({key}) is in the field, with fresh demo data that only it can change. It expires after {count} hours without use.',
            description: '{key} is the new key, masked (its last four characters); {count} is a number of hours',
          },
          { key: maskKey(result.key), count: hours },
        ),
      );
    }
    case 'rate_limited':
      return result.retryAfter !== undefined
        ? translate(
            { id: 'tryIt.sandboxKey.rateLimited.retry', message: 'Many keys were asked for from your address. You can get another one in {minutes} min.' },
            { minutes: Math.max(1, Math.ceil(result.retryAfter / 60)) },
          )
        : translate({ id: 'tryIt.sandboxKey.rateLimited', message: 'Many keys were asked for from your address. Try again later.' });
    case 'unavailable':
      return translate({ id: 'tryIt.sandboxKey.unavailable', message: 'The sandbox cannot reach its data right now. Try again in a moment.' });
    case 'failed':
      return translate({ id: 'tryIt.sandboxKey.failed', message: 'The sandbox did not hand out a key (HTTP {status}).' }, { status: result.status });
    case 'network':
      return translate({ id: 'tryIt.sandboxKey.network', message: 'The sandbox did not answer. Check that it is running, then try again.' });
  }
}

export default function SandboxKeyNote({ state }: { state: SandboxKeyState }): ReactNode {
  const message = useMessage(state);
  const failed = state.phase === 'done' && state.result.kind !== 'minted';
  return (
    // aria-live without role="status": the panel keeps one status region, the answer's (Outcome).
    <span aria-live="polite" className={failed ? styles.error : styles.hint}>
      {message}
    </span>
  );
}
