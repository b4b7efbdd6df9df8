/**
 * Text for screen readers only: in the accessibility tree and in copied text,
 * not on screen (e.g. "Removed:" before a diff line whose colour says it).
 */
import type { ReactNode } from 'react';
import styles from './styles.module.css';

export default function VisuallyHidden({ children }: { children: ReactNode }): ReactNode {
  return <span className={styles.visuallyHidden}>{children}</span>;
}
