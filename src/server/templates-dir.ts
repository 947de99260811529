/** The package's own document templates (templates/): watched for hot reload, and trusted for CSP hashes. */
import { fileURLToPath } from 'node:url';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
