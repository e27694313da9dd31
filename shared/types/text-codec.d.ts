/**
 * TextEncoder and TextDecoder exist in every runtime the shared code runs in (browsers, workers,
 * Node) but belong to neither ES lib; `shared/` is typechecked without DOM or Node types, so the
 * part it uses is declared here.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
