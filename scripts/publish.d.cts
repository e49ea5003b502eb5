// Types of scripts/publish.cjs, for the tests that import it.
export declare const DEV_URL: string;
export declare const PRODUCTION_ID: string;
export declare const GUIDE_PAGE: string;
export declare class PublishError extends Error {}
export interface SupportContact {
  href: string;
  text: string;
}
export declare function packageVersion(): string;
export declare function publishUrl(raw: string | undefined): string;
export declare function publishId(raw: string | undefined): string;
export declare function supportContact(raw: string | undefined): SupportContact | undefined;
export declare function productionManifest(
  devText: string,
  settings: { baseUrl: string; id: string; version: string },
): string;
export declare function manifestUrls(text: string): string[];
export declare function fillPage(
  content: string | Uint8Array,
  values: { version: string; contact: SupportContact | undefined },
): string;
