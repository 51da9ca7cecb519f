export const uuid = { type: 'string', format: 'uuid' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;

/** Request schema of an operation whose only input is path ids. */
export function pathIds<const N extends string[]>(...names: N) {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, uuid])) as { [K in N[number]]: typeof uuid },
    required: names,
  } as const;
}

/** Response schema of operations answering 204 without a body. */
export const noContent = { description: 'no content (204)' } as const;
