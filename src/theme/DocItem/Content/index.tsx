/** Adds the translation banner and the "Copy page" control (../CopyPage) above the content of every doc page. */
import React, { type ReactNode } from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import TranslationBanner from '@site/src/components/TranslationBanner';
import CopyPage from '../CopyPage';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): ReactNode {
  return (
    <>
      <TranslationBanner />
      <CopyPage />
      <Content {...props} />
    </>
  );
}
