import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** sandbox/data: where the file store keeps its snapshots unless SANDBOX_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
