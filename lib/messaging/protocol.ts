import * as z from 'zod/mini';

/** Every message a context may send the background. Anything else is dropped on receipt. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openOptions') }),
]);

export type Request = z.infer<typeof RequestSchema>;

export function parseRequest(message: unknown): Request | null {
  const parsed = RequestSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
