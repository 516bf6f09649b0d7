/** Types of scripts/extension-manifest.mjs. */
export declare const EXTENSION_PERMISSIONS: Readonly<Record<string, string>>;
export declare function extensionContentSecurityPolicy(): string;
export declare function extensionManifest(version: string): {
  manifest_version: 3;
  name: string;
  version: string;
  permissions: string[];
  host_permissions?: string[];
  content_security_policy: { extension_pages: string };
  cross_origin_opener_policy: { value: string };
  cross_origin_embedder_policy: { value: string };
  background: { service_worker: string; type: string };
  [key: string]: unknown;
};
