export function preservingNextTypeFiles<T>(root: string, work: () => Promise<T>): Promise<T>;
