// esbuild bundles .sql files as text (loader in esbuild.mjs).
declare module '*.sql' {
  const text: string;
  export default text;
}
