/** Vite's `?raw` imports (a file's text) of the PyTorch package's sources, which the worker bundles. */
declare module '*.py?raw' {
  const text: string;
  export default text;
}
declare module '*.md?raw' {
  const text: string;
  export default text;
}
