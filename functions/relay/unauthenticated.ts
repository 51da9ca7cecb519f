/**
 * Sockets that have not authenticated yet, per instance and per client address: opening them
 * costs nothing, so without a cap one client could hold an instance's memory and descriptors.
 */
export class UnauthenticatedSockets {
  private total = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(
    private readonly maxPerInstance: number,
    private readonly maxPerAddress: number,
  ) {}

  /** Why one more socket from the address is refused, if it is. */
  refusal(address: string): string | undefined {
    if (this.total >= this.maxPerInstance) return `at most ${this.maxPerInstance} unauthenticated sockets per relay instance`;
    if ((this.byAddress.get(address) ?? 0) >= this.maxPerAddress)
      return `at most ${this.maxPerAddress} unauthenticated sockets per client address`;
    return undefined;
  }

  add(address: string): void {
    this.total++;
    this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
  }

  remove(address: string): void {
    this.total = Math.max(0, this.total - 1);
    const left = (this.byAddress.get(address) ?? 1) - 1;
    if (left > 0) this.byAddress.set(address, left);
    else this.byAddress.delete(address);
  }

  get count(): number {
    return this.total;
  }
}
