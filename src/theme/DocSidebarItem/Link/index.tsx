/**
 * Docusaurus's sidebar link (ejected from @docusaurus/theme-classic 3.10) with
 * one change: a link to a page of the site is an IntentLink, which loads the
 * page's code when the reader points at, touches or focuses it, instead of
 * prefetching it as soon as it is on screen. Every visible sidebar link used to
 * prefetch its page while the current page was still loading (on a phone, the
 * links of the closed menu too). External links stay Docusaurus's <Link>.
 */
import React, { type ReactNode } from 'react';
import clsx from 'clsx';
import { ThemeClassNames } from '@docusaurus/theme-common';
import { isActiveSidebarItem } from '@docusaurus/plugin-content-docs/client';
import Link from '@docusaurus/Link';
import isInternalUrl from '@docusaurus/isInternalUrl';
import IconExternalLink from '@theme/Icon/ExternalLink';
import type { Props } from '@theme/DocSidebarItem/Link';
import IntentLink from '@site/src/components/IntentLink';
import styles from './styles.module.css';

export default function DocSidebarItemLink({ item, onItemClick, activePath, level, index: _index, ...props }: Props): ReactNode {
  const { href, label, className, autoAddBaseUrl } = item;
  const isActive = isActiveSidebarItem(item, activePath);
  const isInternalLink = isInternalUrl(href);
  const linkClassName = clsx('menu__link', !isInternalLink && styles.menuExternalLink, { 'menu__link--active': isActive });
  const labelNode = <span className={styles.linkLabel}>{label}</span>;
  return (
    <li
      className={clsx(ThemeClassNames.docs.docSidebarItemLink, ThemeClassNames.docs.docSidebarItemLinkLevel(level), 'menu__list-item', className)}
      key={label}
    >
      {isInternalLink && href.startsWith('/') && autoAddBaseUrl !== false ? (
        <IntentLink
          className={linkClassName}
          aria-current={isActive ? 'page' : undefined}
          to={href}
          onClick={onItemClick ? () => onItemClick(item) : undefined}
          {...props}
        >
          {labelNode}
        </IntentLink>
      ) : (
        <Link
          className={linkClassName}
          autoAddBaseUrl={autoAddBaseUrl}
          aria-current={isActive ? 'page' : undefined}
          to={href}
          {...(isInternalLink && { onClick: onItemClick ? () => onItemClick(item) : undefined })}
          {...props}
        >
          {labelNode}
          {!isInternalLink && <IconExternalLink />}
        </Link>
      )}
    </li>
  );
}
