import { connectorModule } from "@/lib/connectors";
import { guardControl } from "@/lib/connectors/sandbox-control";
import { sandboxControlToken } from "@/lib/config/env";
import { loadConfig } from "@/lib/config/forms";

/** The vendor simulators, on the app's own origin; 404 unless the configuration uses them or SANDBOX=1. */
type Context = { params: Promise<{ vendor: string; path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { vendor, path } = await params;
  const sandbox = loadConfig().sandboxEnabled ? connectorModule(vendor)?.sandbox : undefined;
  if (!sandbox) return Response.json({ error: "Not found" }, { status: 404 });
  const subPath = `/${path.map(encodeURIComponent).join("/")}`;
  return guardControl(request, subPath, sandboxControlToken()) ?? sandbox.handle(request, subPath);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
