import { useTranslation } from "react-i18next";
import type { RegistryFile } from "./types";

/** Badges with text (never colour alone) for the flags staff filter on. */
export function FileFlags({ file }: { file: RegistryFile }) {
  const { t } = useTranslation();
  return (
    <span className="flag-list">
      {file.status === "retired" && <span className="badge">{t("registry.enum.fileStatus.retired")}</span>}
      {file.hasSensitive && <span className="badge badge-warn">{t("registry.list.sensitive")}</span>}
      {file.hasUniqueIdentifier && <span className="badge badge-warn">{t("registry.list.uniqueId")}</span>}
      {file.entrusted && <span className="badge badge-info">{t("registry.list.entrusted")}</span>}
      {file.isPublic ? (
        <span className="badge badge-ok">{t("registry.list.public")}</span>
      ) : (
        <span className="badge">{t("registry.list.notPublic")}</span>
      )}
    </span>
  );
}
