/** Types of scripts/web-policy.mjs. */
export declare const CONTENT_SECURITY_POLICY: string;
export declare const PERMISSIONS_POLICY: string;
export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
export declare const CONTENT_TYPES: Readonly<Record<string, string>>;
