import { serveUpload } from "@pos/api/store";
import { env } from "~/env";

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  return serveUpload({ root: env.uploadsDir, segments: path, method: request.method, headers: request.headers });
}

export { GET as HEAD };
