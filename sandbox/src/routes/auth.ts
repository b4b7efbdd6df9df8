/** /auth/me (Auth API): reaching a handler means the key is valid (see ../middleware/auth.ts). */
import type { OperationHandlers } from './route';

export function authOperations(): OperationHandlers {
  return {
    get_me: (_input, { account }) => ({ body: { status: 'ok', ...account.me } }),
  };
}
