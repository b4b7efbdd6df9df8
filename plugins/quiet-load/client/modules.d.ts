// The aliases ../index.ts gives the modules the split entry starts (entryModules).
declare module '@quiet-load/react-dom-client';
declare module '@quiet-load/docusaurus-app';
declare module '@quiet-load/docusaurus-client-entry';
