/**
 * "Get a sandbox key": asks the sandbox environment for a key of one's own
 * (src/lib/request/sandboxKey.ts) and, when one comes, puts it in the key
 * field (stored like a typed key: this tab only unless "remember" is on) and
 * in copied snippets. Keeps the last result for the note under the field.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { mintSandboxKey, withMintedKey, type MintResult } from '@site/src/lib/request/sandboxKey';
import { useRequest } from '../useRequestState';

export type SandboxKeyState = { phase: 'idle' } | { phase: 'pending' } | { phase: 'done'; result: MintResult };

export function useSandboxKey(): { state: SandboxKeyState; getKey: () => void } {
  const { environment, apiKey, setApiKey } = useRequest();
  const [state, setState] = useState<SandboxKeyState>({ phase: 'idle' });
  // The latest key state, so that "remember" is kept as it is when the answer comes.
  const latest = useRef(apiKey);
  latest.current = apiKey;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  // Another environment: the note of this one no longer applies.
  useEffect(() => setState({ phase: 'idle' }), [environment.id]);

  const getKey = useCallback(() => {
    setState({ phase: 'pending' });
    void mintSandboxKey(environment.baseUrl).then((result) => {
      if (!mounted.current) return;
      if (result.kind === 'minted') setApiKey(withMintedKey(latest.current, result.key));
      setState({ phase: 'done', result });
    });
  }, [environment.baseUrl, setApiKey]);

  return { state, getKey };
}
