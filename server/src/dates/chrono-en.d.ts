// chrono-node publishes its English locale as the subpath "chrono-node/en" (package exports), which
// moduleResolution "node" cannot see. Importing only English keeps the other locales out of start-up.
declare module 'chrono-node/en' {
  export * from 'chrono-node/dist/cjs/locales/en/index';
}
