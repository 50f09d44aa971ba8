import { api } from "../../api";
import { useLoad } from "../../components/use-load";
import type { DisclosureCatalogue } from "./types";

/** GET /api/disclosure/catalogue: the country's form fields, methods, receipt ways, grounds and fees. */
export function useDisclosureCatalogue() {
  return useLoad((signal) => api.get<DisclosureCatalogue>("/api/disclosure/catalogue", { signal }), []);
}
