// The one function of xml2js the tests use (the package ships no types).
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: { strict?: boolean }): Promise<any>;
}
