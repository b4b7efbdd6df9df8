/**
 * Docusaurus's MDX components, with the Markdown table kept as the server
 * rendered it on the page's first load (src/components/KeptTable).
 */
import MDXComponentsOriginal from '@theme-original/MDXComponents';
import type { MDXComponentsObject } from '@theme/MDXComponents';
import KeptTable from '@site/src/components/KeptTable';

const MDXComponents: MDXComponentsObject = { ...MDXComponentsOriginal, table: KeptTable };

export default MDXComponents;
