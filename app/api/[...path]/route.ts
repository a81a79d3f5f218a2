import { jsonError } from "@/app/_server/http";

// Unknown API routes answer JSON 404 (not an HTML page) for every method.
const notFound = (request: Request) => jsonError(404, `No API route ${request.method} ${new URL(request.url).pathname}.`);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
