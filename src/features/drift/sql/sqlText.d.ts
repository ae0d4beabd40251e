// esbuild loads .sql files as text (esbuild.mjs: loader '.sql': 'text').
declare module '*.sql' {
  const text: string;
  export default text;
}
