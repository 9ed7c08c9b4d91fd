// Types of owasp-waivers.js, for the test that checks the waivers.
export interface OwaspWaiver {
  rule: string;
  reason: string;
  places: string[];
}
export declare const owaspWaivers: OwaspWaiver[];
export declare function owaspOverrides(specFile: string): { files: string[]; rules: Record<string, 'off'> }[];
