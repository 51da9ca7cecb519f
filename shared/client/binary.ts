/** Bytes a client sends as an upload body. */
export type BinaryBody = Blob | ArrayBuffer | Uint8Array | string;

/** A non-JSON answer (an image, a file, a redirect's target): its status, type and bytes. */
export interface BinaryAnswer {
  status: number;
  contentType: string;
  headers: Headers;
  bytes: Uint8Array;
  /** the URL the bytes came from, after redirects */
  url: string;
}

export interface HttpBindingInfo {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  body: 'json' | 'binary' | 'none';
}

/** Run-time description of one HTTP / JSON-RPC operation, generated from the registry. */
export interface OperationInfo {
  /** error bodies: seed 003 `{ traceId, message }` (chats) or `{ error: { status, code, message } }` */
  style: 'chats' | 'resource';
  http?: HttpBindingInfo[];
  jsonRpc?: string;
  /** header name -> input property */
  headers?: Record<string, string>;
  /** input property sent as the whole JSON body (an array) */
  bodyProperty?: string;
  /** answers bytes, not JSON */
  binary?: true;
}

export type OperationTable = Record<string, OperationInfo>;
